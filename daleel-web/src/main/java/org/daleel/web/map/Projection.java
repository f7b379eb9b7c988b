package org.daleel.web.map;

/**
 * An equirectangular projection to pixels, corrected for the latitude of the view: x grows east,
 * y grows south.
 *
 * @param left longitude at x = 0
 * @param top latitude at y = 0
 * @param scale pixels per degree of latitude
 * @param cos cosine of the view's middle latitude (pixels per degree of longitude are scale * cos)
 */
record Projection(double left, double top, double scale, double cos) {
    double x(double lon) {
        return (lon - left) * cos * scale;
    }

    double y(double lat) {
        return (top - lat) * scale;
    }
}
