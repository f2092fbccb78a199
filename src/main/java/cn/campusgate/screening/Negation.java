package cn.campusgate.screening;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a match is negated by its clause: "不要求拍照", "严禁打卡、接龙", "不收取任何费用",
 * "拍照不作要求". A cue counts only within the same clause (split at ，。；！？ and at 但/却) and close to
 * the match. Words that look negative but are not ("不少于", "不定期", "未成年", "未完成打卡的通报")
 * are masked out first.
 */
final class Negation {

    /** Where a clause ends: a cue on one side does not negate words on the other. */
    static final String BOUNDARY = "，,。；;！!？?\n\r但却";

    private static final Pattern NOT_A_NEGATION = Pattern.compile(
            "不断|不仅|不少|不同|不定期|不良|不足|不法|不但|不管|不论|无论|不影响|不占用|不超过|不低于|不高于|不小于"
            + "|不大于|不按|不及时|不达标|不合格|不完成|不配合|不上传|不提交|不到位|不力|不文明|不安全|不规范"
            + "|不当|不得少于|不得低于|不良信息|不明|不幸|不慎|不起|不了|不得已|不可或缺|不容|不易"
            + "|未完成|未按|未达|未及时|未提交|未上传|未参与|未参加|未成年|未来|未经|未然"
            + "|无人机|无线|无论|无缝|无限|无私|无故|毫无|非遗|非物质|非常|非法|除非|并非|无非|是非");

    private static final Pattern BEFORE = Pattern.compile(
            "不|无需|无须|毋须|毋需|无|非|未|没有|没|勿|严禁|禁止|杜绝|避免|防止|拒绝|取消|免于|免除|谢绝|反对|纠正|整治"
            + "|叫停|停止|减少|清理|摒弃|戒除|防范|警惕|谨慎|抵制|识别|辨别");

    private static final Pattern AFTER = Pattern.compile(
            "不作要求|不做要求|不作强制|不做强制|不强制|非必须|非必需|非强制|不作统一要求|不作硬性要求|不作硬性规定"
            + "|不要求|不需要|不必|除外|一律免|全免|免收|不收取|均不|一概不|不涉及|不纳入|不计入");

    private static final int WINDOW_BEFORE = 16;
    private static final int WINDOW_AFTER = 10;
    private static final int WINDOW_LIST = 48;

    private Negation() {
    }

    /** The text with non-negating look-alikes replaced by a neutral character, same length. */
    static String mask(String text) {
        Matcher matcher = NOT_A_NEGATION.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text);
        do {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                masked.setCharAt(i, '□');
            }
        } while (matcher.find());
        return masked.toString();
    }

    /**
     * Whether the match [start, end) of the masked text is negated.
     *
     * @param inside whether a cue inside the match also negates it (false for rules whose own pattern
     *               contains a negation, such as "未经审批")
     */
    static boolean negated(String masked, int start, int end, boolean inside) {
        int clauseStart = clauseStart(masked, start);
        int clauseEnd = clauseEnd(masked, end);
        int from = Math.max(clauseStart, start - WINDOW_BEFORE);
        if (BEFORE.matcher(masked.substring(from, start)).find()) {
            return true;
        }
        // "严禁要求学生打卡、接龙、点赞、做题、拍照": a cue further back still covers an enumeration
        int listFrom = Math.max(clauseStart, start - WINDOW_LIST);
        if (listFrom < from) {
            Matcher cue = BEFORE.matcher(masked.substring(listFrom, from));
            while (cue.find()) {
                String between = masked.substring(listFrom + cue.end(), start);
                if (between.indexOf('、') >= 0 || between.contains("或") || between.contains("及")) {
                    return true;
                }
            }
        }
        if (inside && end - start > 2 && BEFORE.matcher(masked.substring(start + 1, end - 1)).find()) {
            return true;
        }
        return AFTER.matcher(masked.substring(end, Math.min(clauseEnd, end + WINDOW_AFTER))).find();
    }

    static int clauseStart(String text, int position) {
        for (int i = position - 1; i >= 0; i--) {
            if (BOUNDARY.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    static int clauseEnd(String text, int position) {
        for (int i = position; i < text.length(); i++) {
            if (BOUNDARY.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
