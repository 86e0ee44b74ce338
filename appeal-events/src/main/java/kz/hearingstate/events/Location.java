package kz.hearingstate.events;

/** Where the problem is. {@code settlement} is a village or town of the district. */
public record Location(String district, String settlement, String address, Double lat, Double lon) {
}
