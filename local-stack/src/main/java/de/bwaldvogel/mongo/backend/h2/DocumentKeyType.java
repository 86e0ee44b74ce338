package de.bwaldvogel.mongo.backend.h2;

import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's map orders its keys, the documents' {@code _id}s: as H2's {@link ObjectDataType}, which the map
 * used before and which stays its stored form, with two strings (every collection's ids here) compared directly.
 * ObjectDataType finds each operand's type by a chain of {@code instanceof} checks and dispatches to that type's
 * comparator at every step of a binary search; those steps were a twelfth of the store's CPU in a recording of a
 * benchmark's step-up. For strings the result is the same: that comparator is {@link String#compareTo}.
 */
final class DocumentKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            return first.compareTo(second);
        }
        return super.compare(a, b);
    }
}
