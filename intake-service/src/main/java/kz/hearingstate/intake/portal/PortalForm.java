package kz.hearingstate.intake.portal;

/**
 * What the portal's appeal form posts, exactly as typed: it goes back into the form when something is wrong.
 * {@code website} is the honeypot: hidden from people (and from screen readers), filled only by bots.
 * {@code formId} is drawn when the form is shown and is the submission's idempotency key, so a double click or
 * a reload of the answer page gives the same appeal.
 */
public class PortalForm {

    private String type;
    private String category;
    private String text;
    private String settlement;
    private String lat;
    private String lon;
    private String fullName;
    private String contact;
    private String preferredContact = "EMAIL";
    private String language;
    private boolean consent;
    private boolean anonymous;
    private String website;
    private String formId;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getSettlement() { return settlement; }
    public void setSettlement(String settlement) { this.settlement = settlement; }
    public String getLat() { return lat; }
    public void setLat(String lat) { this.lat = lat; }
    public String getLon() { return lon; }
    public void setLon(String lon) { this.lon = lon; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getPreferredContact() { return preferredContact; }
    public void setPreferredContact(String preferredContact) { this.preferredContact = preferredContact; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getFormId() { return formId; }
    public void setFormId(String formId) { this.formId = formId; }
}
