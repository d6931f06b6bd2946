alter type pair set schema app;
