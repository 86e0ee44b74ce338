package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The library's own lookup and normalisation of a top-level field, which it keeps package-private, for the local
 * store's indexes ({@code de.bwaldvogel.mongo.backend.h2.H2SecondaryIndex}): what {@link Index#getKeyValues} computes
 * for each key, without its path splitting by regular expression and its streams.
 */
public final class TopLevelFields {

    private TopLevelFields() {
    }

    /** A field name without a path: {@link #normalisedValue} reads it as {@link Index#getKeyValues} does. */
    public static boolean isTopLevel(String key) {
        return !key.contains(Utils.PATH_DELIMITER);
    }

    /**
     * The field's value as an index key holds it: null when absent or null, numbers and nested documents normalised; a
     * collection (an array) as such.
     */
    public static Object normalisedValue(Document document, String topLevelKey) {
        return Utils.normalizeValue(Utils.getFieldValueListSafe(document, topLevelKey));
    }
}
