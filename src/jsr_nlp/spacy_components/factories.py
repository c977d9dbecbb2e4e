def make_gazetteer(): pass
make_entity_filter=make_linker=make_dates=make_gazetteer
