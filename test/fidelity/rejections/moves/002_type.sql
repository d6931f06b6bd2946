alter type mood set schema app;
