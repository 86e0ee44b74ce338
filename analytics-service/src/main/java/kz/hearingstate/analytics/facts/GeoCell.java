package kz.hearingstate.analytics.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A square of {@code degrees} × {@code degrees} (0.01° is about 1.1 km × 0.8 km at 43° N), named by its
 * south-west corner, e.g. {@code 43.25:76.95}. Analytics keeps only the cell, never the exact point.
 */
public final class GeoCell {

    public static String of(Double lat, Double lon, double degrees) {
        if (lat == null || lon == null || degrees <= 0) {
            return null;
        }
        return corner(lat, degrees) + ":" + corner(lon, degrees);
    }

    private static String corner(double coordinate, double degrees) {
        BigDecimal size = BigDecimal.valueOf(degrees);
        BigDecimal cells = BigDecimal.valueOf(coordinate).divide(size, 0, RoundingMode.FLOOR);
        return cells.multiply(size).stripTrailingZeros().toPlainString();
    }

    private GeoCell() {
    }
}
