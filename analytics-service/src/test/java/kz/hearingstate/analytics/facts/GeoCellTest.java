package kz.hearingstate.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeoCellTest {

    @Test
    void givenTwoPointsInTheSameHundredthOfADegree_whenCelled_thenTheyShareTheSouthWestCorner() {
        assertThat(GeoCell.of(43.25999, 76.95001, 0.01)).isEqualTo("43.25:76.95");
        assertThat(GeoCell.of(43.25, 76.95, 0.01)).isEqualTo("43.25:76.95");
        assertThat(GeoCell.of(43.26, 76.95, 0.01)).isEqualTo("43.26:76.95");
    }

    @Test
    void givenAnotherCellSize_whenCelled_thenCoordinatesRoundDownToIt() {
        assertThat(GeoCell.of(43.2567, 76.9876, 0.05)).isEqualTo("43.25:76.95");
        assertThat(GeoCell.of(43.2567, 76.9876, 0.1)).isEqualTo("43.2:76.9");
    }

    @Test
    void givenNoCoordinates_whenCelled_thenNoCell() {
        assertThat(GeoCell.of(null, 76.9, 0.01)).isNull();
        assertThat(GeoCell.of(43.2, null, 0.01)).isNull();
    }
}
