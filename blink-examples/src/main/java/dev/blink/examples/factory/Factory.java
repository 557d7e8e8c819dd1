package dev.blink.examples.factory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Plain Java factories in the spirit of ExMachina's {@code build}: each call returns a new, unsaved
 * entity with fresh values; the arguments are the overrides. Ids stay null: Blink generates them
 * (UUIDs here) when it writes the table, and children point at their parent objects.
 */
// tag::factory[]
final class Factory {

    private final AtomicLong sequence = new AtomicLong();

    Organization organization() {
        Organization org = new Organization();
        org.name = "Organization " + sequence.incrementAndGet();
        return org;
    }

    User user(Organization organization) {
        long n = sequence.incrementAndGet();
        User user = new User();
        user.name = "User " + n;
        user.email = "user" + n + "@example.com";
        user.organization = organization;
        return user;
    }

    Post post(User user) {
        long n = sequence.incrementAndGet();
        Post post = new Post();
        post.title = "Post " + n;
        post.body = "Body of post " + n;
        post.user = user;
        return post;
    }
}
// end::factory[]
