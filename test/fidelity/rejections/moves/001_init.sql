create schema app;
create type mood as enum ('a');
create type app.mood as enum ('b');
create sequence counter;
create sequence app.counter;
create type pair as (a int);
create table app.pair (id int);
create table uses (m mood, p pair, n int default nextval('counter'));
