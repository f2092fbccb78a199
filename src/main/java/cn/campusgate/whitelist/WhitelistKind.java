package cn.campusgate.whitelist;

import java.util.regex.Pattern;

import cn.campusgate.item.ItemContent;

/** The two list types of a jurisdiction and year; both have the same lifecycle. */
public enum WhitelistKind {
    /** 社会事务进校园白名单. */
    SOCIAL_AFFAIRS,
    /** 督查检查评比考核事项白名单. */
    INSPECTION;

    /** Words that make an item an inspection, check, appraisal or assessment (督查检查评比考核). */
    private static final Pattern INSPECTION_WORDS = Pattern.compile("督查|督导|检查|评比|考核|验收|考评|暗访|抽查|巡查|评估");

    /**
     * Which list an approved item belongs on. Items carry no type of their own, so the title, theme and form
     * decide: an item that names an inspection, check, appraisal or assessment goes on the inspection list.
     */
    public static WhitelistKind of(ItemContent content) {
        String text = String.join(" ", nonNull(content.title()), nonNull(content.theme()), nonNull(content.form()));
        return INSPECTION_WORDS.matcher(text).find() ? INSPECTION : SOCIAL_AFFAIRS;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
