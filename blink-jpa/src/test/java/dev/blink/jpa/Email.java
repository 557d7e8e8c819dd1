package dev.blink.jpa;

record Email(String address) {
}
