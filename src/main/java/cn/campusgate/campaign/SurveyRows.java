package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.campaign.SurveyRules.Violation;
import cn.campusgate.campaign.SurveySheet.DataRow;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of a survey file into commands, checking each cell's format (date, category, yes/no, number)
 * and then the survey's rules; a row repeated in the same file is reported against its first occurrence.
 */
final class SurveyRows {

    /** The category labels officials write, in both languages, with a few usual synonyms. */
    static final Map<String, AffairKind> KIND_LABELS = kindLabels();

    record Checked(DataRow row, @Nullable SurveyCommand command, List<Violation> violations) {
        Checked {
            violations = List.copyOf(violations);
        }
    }

    private SurveyRows() {
    }

    static List<Checked> check(List<DataRow> rows, LocalDate surveySince, LocalDate today) {
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DataRow row : rows) {
            List<Violation> violations = new ArrayList<>();
            SurveyCommand command = parse(row, violations);
            for (Violation v : SurveyRules.check(command, surveySince, today)) {
                if (violations.stream().noneMatch(p -> p.field().equals(v.field()))) {
                    violations.add(v);
                }
            }
            if (violations.isEmpty()) {
                String key = SurveyKeys.rowKey(command);
                Integer first = seen.putIfAbsent(key, row.number());
                if (first != null) {
                    violations.add(new Violation("title", "campaign.import.row.repeated", List.of(first)));
                }
            }
            checked.add(new Checked(row, violations.isEmpty() ? command : null, violations));
        }
        return checked;
    }

    static SurveyCommand parse(DataRow row, List<Violation> violations) {
        String kindText = row.get(SurveyColumn.KIND);
        AffairKind kind = null;
        if (!kindText.isEmpty()) {
            kind = KIND_LABELS.get(kindText.strip().toLowerCase(Locale.ROOT));
            if (kind == null) {
                violations.add(new Violation("kind", "campaign.import.cell.kind", List.of(kindText)));
            }
        }
        String dateText = row.get(SurveyColumn.OCCURRED_ON);
        LocalDate day = null;
        if (!dateText.isEmpty()) {
            day = SurveySheet.date(dateText);
            if (day == null) {
                violations.add(new Violation("occurredOn", "campaign.import.cell.date", List.of(dateText)));
            }
        }
        String hoursText = row.get(SurveyColumn.CLASS_HOURS);
        BigDecimal hours = null;
        if (!hoursText.isEmpty()) {
            try {
                hours = new BigDecimal(hoursText.strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation("classHours", "campaign.import.cell.number", List.of(hoursText)));
            }
        }
        Boolean approved = yesNo(row, SurveyColumn.APPROVED, violations);
        Boolean charges = yesNo(row, SurveyColumn.CHARGES, violations);
        Boolean leave = yesNo(row, SurveyColumn.TEACHERS_LEAVE, violations);
        return new SurveyCommand(blankToNull(row.get(SurveyColumn.TITLE)), blankToNull(row.get(SurveyColumn.DEPARTMENT)),
                kind, day, blankToNull(row.get(SurveyColumn.SCHOOL)), hours, approved,
                blankToNull(row.get(SurveyColumn.CONTENT)), charges, leave);
    }

    private static @Nullable Boolean yesNo(DataRow row, SurveyColumn column, List<Violation> violations) {
        String text = row.get(column).strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        switch (text) {
            case "是", "y", "yes", "true", "1", "√", "有" -> {
                return true;
            }
            case "否", "n", "no", "false", "0", "×", "无" -> {
                return false;
            }
            default -> {
                violations.add(new Violation(column.field(), "campaign.import.cell.yesNo", List.of(row.get(column))));
                return null;
            }
        }
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static Map<String, AffairKind> kindLabels() {
        Map<String, AffairKind> labels = new HashMap<>();
        for (AffairKind kind : AffairKind.values()) {
            labels.put(kind.name().toLowerCase(Locale.ROOT), kind);
        }
        put(labels, AffairKind.PUBLICITY, "宣传教育", "宣讲", "宣传", "进校园宣讲", "publicity", "talk");
        put(labels, AffairKind.ACTIVITY, "活动竞赛", "活动", "竞赛", "比赛", "activity", "competition");
        put(labels, AffairKind.INSPECTION, "督查检查评比考核", "检查", "督查", "评比", "考核", "督查检查", "inspection",
                "appraisal");
        put(labels, AffairKind.DATA_REQUEST, "数据填报", "填报", "问卷", "调查问卷", "app推广", "data request", "survey");
        put(labels, AffairKind.SECONDMENT, "抽调借用", "借调", "抽调", "抽调借用教师", "secondment");
        put(labels, AffairKind.OTHER, "其他", "other");
        return Map.copyOf(labels);
    }

    private static void put(Map<String, AffairKind> labels, AffairKind kind, String... names) {
        for (String name : names) {
            labels.put(name.toLowerCase(Locale.ROOT), kind);
        }
    }
}
