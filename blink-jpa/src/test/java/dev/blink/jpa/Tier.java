package dev.blink.jpa;

enum Tier { FREE, TEAM, ENTERPRISE }
