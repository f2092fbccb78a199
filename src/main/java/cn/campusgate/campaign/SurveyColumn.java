package cn.campusgate.campaign;

import java.util.Locale;

/** The columns of the survey template, recognised by their Chinese or English header. */
public enum SurveyColumn {
    TITLE("事项名称", "title", true, "title"),
    DEPARTMENT("开展部门", "department", true, "department"),
    KIND("类别", "kind", true, "kind"),
    OCCURRED_ON("开展日期", "date", true, "occurredOn"),
    SCHOOL("涉及学校", "school", false, "school"),
    CLASS_HOURS("占用课时", "class hours", false, "classHours"),
    APPROVED("是否经审批报备", "approved", true, "approved"),
    CONTENT("内容和方式", "content", false, "content"),
    CHARGES("是否向学生家长收费", "charges", false, "chargesStudents"),
    TEACHERS_LEAVE("是否要求教师离校", "teachers off campus", false, "teachersLeaveCampus");

    private final String chineseHeader;
    private final String englishHeader;
    private final boolean required;
    private final String field;

    SurveyColumn(String chineseHeader, String englishHeader, boolean required, String field) {
        this.chineseHeader = chineseHeader;
        this.englishHeader = englishHeader;
        this.required = required;
        this.field = field;
    }

    public String chineseHeader() { return chineseHeader; }
    public String englishHeader() { return englishHeader; }
    public boolean required() { return required; }
    /** The {@link SurveyCommand} component the column fills. */
    public String field() { return field; }

    public String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? englishHeader : chineseHeader;
    }

    public String helpKey() {
        return "campaign.template.help." + name();
    }

    static SurveyColumn ofField(String field) {
        for (SurveyColumn column : values()) {
            if (column.field.equals(field)) {
                return column;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** The column a header cell names, ignoring case, spaces, a required mark (*) and a note in brackets. */
    static @org.jspecify.annotations.Nullable SurveyColumn byHeader(String header) {
        String h = header.replaceAll("[（(].*$", "").replace("*", "").replace("＊", "").strip().toLowerCase(Locale.ROOT);
        for (SurveyColumn column : values()) {
            if (column.chineseHeader.equals(h) || column.englishHeader.equals(h)
                    || column.englishHeader.replace(" ", "").equals(h.replace(" ", ""))) {
                return column;
            }
        }
        return null;
    }
}
