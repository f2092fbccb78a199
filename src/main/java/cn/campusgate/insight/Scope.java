package cn.campusgate.insight;

/** What a dashboard covers: a district, a town, a department or a school, by its organisation id. */
public record Scope(Level level, long id, String name) {

    public enum Level {
        DISTRICT("district_id"), TOWN("town_id"), DEPARTMENT("department_id"), SCHOOL("school_id");

        private final String column;

        Level(String column) {
            this.column = column;
        }

        /** The fact table's column this level filters on; a fixed name, never user input. */
        String column() {
            return column;
        }
    }
}
