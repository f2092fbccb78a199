package cn.campusgate.organization;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a school import file, in template order. Each is recognised by its Chinese header or
 * its English one; a header may carry a required-marker ({@code *}, {@code （必填）}) which is ignored.
 */
public enum SchoolColumn {
    NAME("学校名称", "name", true),
    CODE("学校标识码", "code", true),
    STAGE("学段", "stage", true),
    TOWN("所属镇街", "town", true),
    MONITORING("是否监测点", "monitoring", false),
    ADDRESS("地址", "address", false),
    PHONE("联系电话", "phone", false);

    private final String chineseHeader;
    private final String englishHeader;
    private final boolean required;

    SchoolColumn(String chineseHeader, String englishHeader, boolean required) {
        this.chineseHeader = chineseHeader;
        this.englishHeader = englishHeader;
        this.required = required;
    }

    public String chineseHeader() {
        return chineseHeader;
    }

    public String englishHeader() {
        return englishHeader;
    }

    /** The header the template uses for a person reading in this language. */
    public String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? englishHeader : chineseHeader;
    }

    public boolean required() {
        return required;
    }

    /** Message key of this column's name, e.g. {@code school-import.column.NAME}. */
    public String labelKey() {
        return "school-import.column." + name();
    }

    /** Message key of the explanation shown on the upload page and in the template. */
    public String helpKey() {
        return "school-import.column." + name() + ".help";
    }

    /** The column a header cell names, if any. */
    static Optional<SchoolColumn> ofHeader(String header) {
        String normalized = normalizeHeader(header);
        for (SchoolColumn column : values()) {
            if (column.chineseHeader.equals(normalized) || column.englishHeader.equals(normalized)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalizeHeader(String header) {
        String text = header.replace("\uFEFF", "").replace('\u00A0', ' ').strip();
        for (String marker : new String[]{"（必填）", "(必填)", "（选填）", "(选填)", "(required)", "(optional)"}) {
            if (text.toLowerCase(Locale.ROOT).endsWith(marker)) {
                text = text.substring(0, text.length() - marker.length()).strip();
            }
        }
        while (!text.isEmpty() && (text.startsWith("*") || text.startsWith("＊"))) {
            text = text.substring(1).strip();
        }
        while (!text.isEmpty() && (text.endsWith("*") || text.endsWith("＊"))) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
