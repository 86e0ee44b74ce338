package kz.hearingstate.events;

/** The three languages the platform speaks. Lower-case codes on the wire: kk, ru, en. */
public enum Language {
    kk, ru, en
}
