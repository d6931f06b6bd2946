-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE notes (id bigint PRIMARY KEY);
CREATE TABLE tags (id bigint PRIMARY KEY, note_id bigint REFERENCES labels (id));
CREATE TABLE labels (id bigint PRIMARY KEY);
