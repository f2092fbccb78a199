package cn.campusgate.organization;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.SchoolSheet.DataRow;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rows of a school import file and, for rows without problems, builds the schools. Knows
 * nothing of the database: what already exists comes in as a {@link Lookup}. Reports every problem of
 * every row, so the person can fix the whole file in one go.
 */
final class SchoolRows {

    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    /** Same rule as {@link OrganizationCommand#contactPhone()}. */
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,40}");
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;

    /** Labels accepted for each stage, besides the enum name in any letter case. */
    private static final Map<String, SchoolStage> STAGE_LABELS = new LinkedHashMap<>();

    static {
        STAGE_LABELS.put("小学", SchoolStage.PRIMARY);
        STAGE_LABELS.put("初级中学", SchoolStage.JUNIOR_SECONDARY);
        STAGE_LABELS.put("初中", SchoolStage.JUNIOR_SECONDARY);
        STAGE_LABELS.put("高级中学", SchoolStage.SENIOR_SECONDARY);
        STAGE_LABELS.put("高中", SchoolStage.SENIOR_SECONDARY);
        STAGE_LABELS.put("九年一贯制学校", SchoolStage.NINE_YEAR);
        STAGE_LABELS.put("九年一贯制", SchoolStage.NINE_YEAR);
        STAGE_LABELS.put("十二年一贯制学校", SchoolStage.TWELVE_YEAR);
        STAGE_LABELS.put("十二年一贯制", SchoolStage.TWELVE_YEAR);
        STAGE_LABELS.put("特殊教育学校", SchoolStage.SPECIAL);
        STAGE_LABELS.put("特殊教育", SchoolStage.SPECIAL);
    }

    /** The stage labels the template offers, in the person's language. */
    static List<String> stageChoices(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return java.util.Arrays.stream(SchoolStage.values()).map(Enum::name).toList();
        }
        return List.of("小学", "初级中学", "高级中学", "九年一贯制学校", "十二年一贯制学校", "特殊教育学校");
    }

    /**
     * What the database already holds, as far as these rows are concerned.
     *
     * @param towns        towns and streets in the administrator's scope, active or not, by name
     * @param takenCodes   codes already used, each with the holder's name ("" when it must not be shown)
     * @param activeSchools names of active schools
     */
    record Lookup(Map<String, Organization> towns, Map<String, String> takenCodes, Set<String> activeSchools) {
    }

    /** A problem in one cell (or, without a column, in the whole row). */
    record Problem(int row, @Nullable SchoolColumn column, String messageKey, Object... arguments) {
    }

    record Outcome(List<Problem> problems, List<Organization> schools) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private SchoolRows() {
    }

    static Outcome check(List<DataRow> rows, Lookup lookup, Instant now) {
        List<Problem> problems = new ArrayList<>();
        List<Organization> schools = new ArrayList<>();
        Map<String, Integer> codeRows = new HashMap<>();
        Map<String, Integer> nameRows = new HashMap<>();
        for (DataRow row : rows) {
            int before = problems.size();
            Organization school = checkRow(row, lookup, codeRows, nameRows, problems, now);
            if (school != null && problems.size() == before) {
                schools.add(school);
            }
        }
        return new Outcome(List.copyOf(problems), problems.isEmpty() ? List.copyOf(schools) : List.of());
    }

    private static @Nullable Organization checkRow(DataRow row, Lookup lookup, Map<String, Integer> codeRows,
                                                   Map<String, Integer> nameRows, List<Problem> problems,
                                                   Instant now) {
        int n = row.number();
        int before = problems.size();

        String name = row.get(SchoolColumn.NAME);
        if (name.isEmpty()) {
            problems.add(new Problem(n, SchoolColumn.NAME, "school-import.required"));
        } else if (isExampleRow(name)) {
            problems.add(new Problem(n, SchoolColumn.NAME, "school-import.exampleRow"));
        } else if (name.codePointCount(0, name.length()) < 2) {
            problems.add(new Problem(n, SchoolColumn.NAME, "organization.name.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem(n, SchoolColumn.NAME, "school-import.tooLong", String.valueOf(MAX_NAME)));
        } else if (lookup.activeSchools().contains(name)) {
            problems.add(new Problem(n, SchoolColumn.NAME, "school-import.name.taken", name));
        } else if (nameRows.containsKey(name)) {
            problems.add(new Problem(n, SchoolColumn.NAME, "school-import.name.repeated", name,
                    String.valueOf(nameRows.get(name))));
        } else {
            nameRows.put(name, n);
        }

        String code = normalized(row.get(SchoolColumn.CODE));
        if (code.isEmpty()) {
            problems.add(new Problem(n, SchoolColumn.CODE, "school-import.required"));
        } else if (!SCHOOL_CODE.matcher(code).matches()) {
            problems.add(new Problem(n, SchoolColumn.CODE, "school-import.code.invalid", code));
        } else if (lookup.takenCodes().containsKey(code)) {
            String holder = lookup.takenCodes().get(code);
            problems.add(holder.isEmpty()
                    ? new Problem(n, SchoolColumn.CODE, "school-import.code.taken", code)
                    : new Problem(n, SchoolColumn.CODE, "school-import.code.takenBy", code, holder));
        } else if (codeRows.containsKey(code)) {
            problems.add(new Problem(n, SchoolColumn.CODE, "school-import.code.repeated", code,
                    String.valueOf(codeRows.get(code))));
        } else {
            codeRows.put(code, n);
        }

        String stageText = row.get(SchoolColumn.STAGE);
        SchoolStage stage = null;
        if (stageText.isEmpty()) {
            problems.add(new Problem(n, SchoolColumn.STAGE, "school-import.required"));
        } else {
            stage = stage(stageText).orElse(null);
            if (stage == null) {
                problems.add(new Problem(n, SchoolColumn.STAGE, "school-import.stage.unknown", stageText));
            }
        }

        String townName = row.get(SchoolColumn.TOWN);
        Organization town = null;
        if (townName.isEmpty()) {
            problems.add(new Problem(n, SchoolColumn.TOWN, "school-import.required"));
        } else {
            town = lookup.towns().get(townName);
            if (town == null) {
                problems.add(new Problem(n, SchoolColumn.TOWN, "school-import.town.unknown", townName));
            } else if (!town.active()) {
                problems.add(new Problem(n, SchoolColumn.TOWN, "school-import.town.inactive", townName));
                town = null;
            }
        }

        String monitoringText = row.get(SchoolColumn.MONITORING);
        Boolean monitoring = monitoring(monitoringText).orElse(null);
        if (monitoring == null) {
            problems.add(new Problem(n, SchoolColumn.MONITORING, "school-import.monitoring.invalid", monitoringText));
        }

        String address = row.get(SchoolColumn.ADDRESS);
        if (address.length() > MAX_ADDRESS) {
            problems.add(new Problem(n, SchoolColumn.ADDRESS, "school-import.tooLong", String.valueOf(MAX_ADDRESS)));
        }

        String phone = normalized(row.get(SchoolColumn.PHONE));
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.add(new Problem(n, SchoolColumn.PHONE, "school-import.phone.invalid", phone));
        }

        if (problems.size() > before) {
            return null;
        }
        // Everything the aggregate enforces, with the same rules as a school entered by hand.
        OrganizationCommand command = new OrganizationCommand(OrganizationKind.SCHOOL, code, name, null, null, null,
                town.id(), stage, Boolean.TRUE.equals(monitoring), address, phone);
        try {
            return Organization.create(command, town, code, now);
        } catch (BusinessRuleViolation e) {
            problems.add(new Problem(n, columnOf(e.messageKey()), e.messageKey(), e.arguments()));
            return null;
        }
    }

    /** The template's example row starts with 示例 / Example and must be deleted, not imported. */
    static boolean isExampleRow(String name) {
        return name.startsWith("示例") || name.toLowerCase(Locale.ROOT).startsWith("example");
    }

    static Optional<SchoolStage> stage(String text) {
        String value = normalized(text);
        SchoolStage stage = STAGE_LABELS.get(value);
        if (stage != null) {
            return Optional.of(stage);
        }
        for (SchoolStage candidate : SchoolStage.values()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** 是/否, Y/N, yes/no, true/false, 1/0; blank means no. */
    static Optional<Boolean> monitoring(String text) {
        return switch (normalized(text).toLowerCase(Locale.ROOT)) {
            case "", "否", "n", "no", "false", "0" -> Optional.of(false);
            case "是", "y", "yes", "true", "1" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /** Full-width digits, letters and dashes (as typed with a Chinese input method) made plain. */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static @Nullable SchoolColumn columnOf(String messageKey) {
        if (messageKey.startsWith("organization.name")) {
            return SchoolColumn.NAME;
        }
        if (messageKey.startsWith("organization.schoolCode") || messageKey.startsWith("organization.code")) {
            return SchoolColumn.CODE;
        }
        if (messageKey.startsWith("organization.schoolStage")) {
            return SchoolColumn.STAGE;
        }
        if (messageKey.startsWith("organization.parent")) {
            return SchoolColumn.TOWN;
        }
        if (messageKey.startsWith("organization.phone")) {
            return SchoolColumn.PHONE;
        }
        return null;
    }
}
