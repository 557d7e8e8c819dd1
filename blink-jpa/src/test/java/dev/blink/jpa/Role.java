package dev.blink.jpa;

enum Role { MEMBER, ADMIN, OWNER }
