package dev.seguito.identity;

/** The profile fields of a person that captures can fill in; any may be null. */
public record PersonFields(String fullName, String firstName, String lastName, String headline, String title,
                           String location, String about, String photoUrl, Integer connectionDegree) {

    public static final PersonFields EMPTY = new PersonFields(null, null, null, null, null, null, null, null, null);

    public Object get(String field) {
        return switch (field) {
            case "fullName" -> fullName;
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "headline" -> headline;
            case "title" -> title;
            case "location" -> location;
            case "about" -> about;
            case "photoUrl" -> photoUrl;
            case "connectionDegree" -> connectionDegree;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public static final java.util.List<String> NAMES = java.util.List.of("fullName", "firstName", "lastName",
            "headline", "title", "location", "about", "photoUrl", "connectionDegree");

    static PersonFields of(java.util.Map<String, Object> values) {
        return new PersonFields((String) values.get("fullName"), (String) values.get("firstName"),
                (String) values.get("lastName"), (String) values.get("headline"), (String) values.get("title"),
                (String) values.get("location"), (String) values.get("about"), (String) values.get("photoUrl"),
                (Integer) values.get("connectionDegree"));
    }
}
