-- The schema every example seeds. Dropped and created again by Demo.
DROP TABLE IF EXISTS posts, users, organizations, events, products CASCADE;

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    inserted_at timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE users (
    id              bigint PRIMARY KEY,
    name            text NOT NULL,
    email           text NOT NULL UNIQUE,
    inserted_at     timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE posts (
    id          bigint PRIMARY KEY,
    title       text NOT NULL,
    user_id     bigint NOT NULL REFERENCES users (id),
    inserted_at timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE events (
    id      bigint NOT NULL,
    kind    text NOT NULL,
    at      timestamptz NOT NULL
);
