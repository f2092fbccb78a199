package cn.campusgate.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a published exposure may not contain (R-7 and the complainant's protection): the complainant's name or
 * contact, any phone number or e-mail address, and a teacher or principal named by surname (王老师, 李校长; a
 * redacted 王某老师 is fine). Returns the message keys of what it found, so the supervisor can correct it.
 */
final class ExposureRedaction {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final Pattern NAMED_TEACHER = Pattern.compile(
            "[" + SURNAMES + "]([\\p{IsHan}&&[^某]]{0,2})(老师|教师|校长|主任|班主任)");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    private ExposureRedaction() {
    }

    /** @param identities the names and contacts of the case's complainants, opened for this check only */
    static List<String> problems(String summary, List<ComplainantIdentity> identities) {
        List<String> problems = new ArrayList<>();
        if (ComplainantProtection.names(summary, identities)) {
            problems.add("supervision.exposure.complainantNamed");
        }
        if (PHONE.matcher(summary).find() || EMAIL.matcher(summary).find()) {
            problems.add("supervision.exposure.contactDetails");
        }
        if (NAMED_TEACHER.matcher(summary).find()) {
            problems.add("supervision.exposure.teacherNamed");
        }
        return problems;
    }
}
