alter sequence counter set schema app;
