package dev.blink.jpa;

import jakarta.persistence.Embeddable;

@Embeddable
class GeoPoint {
    double lat;
    double lon;

    GeoPoint() {
    }

    GeoPoint(double lat, double lon) {
        this.lat = lat;
        this.lon = lon;
    }
}
