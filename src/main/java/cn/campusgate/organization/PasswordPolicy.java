package cn.campusgate.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.core.BusinessRuleViolation;

/**
 * Passwords: at least 10 characters, three of the four character classes, not containing the username, and not a
 * common password. Follows the usual 等保 2.0 reading of "complexity"; a district can lengthen it.
 *
 * <p>Common means: on the bundled list ({@code security/common-passwords.txt}: the 10,000 most common passwords of
 * zxcvbn's frequency list and Chinese favourites such as {@code woaini1314}, {@code 5201314}, {@code qq123456}),
 * compared in lower case and without symbols, also read as "leetspeak" ({@code P@ssw0rd}); or a listed word with
 * digits and symbols around it ({@code Dragon2026!}); or a pinyin name followed or preceded by digits such as a
 * birthday ({@code Zhangwei1990!}, {@code 0815Liuyang#}). The last five passwords of the account are refused by
 * {@code Accounts}.
 */
final class PasswordPolicy {

    private static final Set<String> COMMON = load();
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("([a-z]+)(\\d{2,8})");
    private static final Pattern DIGITS_THEN_LETTERS = Pattern.compile("(\\d{2,8})([a-z]+)");
    private static final Set<String> SURNAMES = Set.of(("wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu "
            + "hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu "
            + "jiang cai jia ding wei xue ye yan du dai xia zhong fu qin lu shi cui kang mao qiu jin tan hao gu meng "
            + "bai yao shao wan qian duan lei long tao fan su xiong ren ji kong mo yin chang liao fang ou hou qi niu "
            + "ouyang shangguan situ zhuge").split(" "));
    private static final Set<String> SYLLABLES = Set.of(("a ai an ang ao ba bai ban bang bao bei ben beng bi bian "
            + "biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi "
            + "chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang "
            + "dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang "
            + "fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo "
            + "ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao "
            + "jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang "
            + "kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu lv luan "
            + "lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan "
            + "nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nv nuan nue nuo o ou pa pai "
            + "pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing "
            + "qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao "
            + "se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun "
            + "shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan "
            + "tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan "
            + "xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng "
            + "zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo "
            + "zi zong zou zu zuan zui zun zuo").split(" "));

    static final int MIN_LENGTH = 10;
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH || password.length() > 128) {
            throw new BusinessRuleViolation("password.tooShort", MIN_LENGTH);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw new BusinessRuleViolation("password.tooSimple");
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new BusinessRuleViolation("password.containsUsername");
        }
        if (common(password)) {
            throw new BusinessRuleViolation("password.common");
        }
    }

    /** Whether the password is a common one or a common one dressed up (see the class comment). */
    static boolean common(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String plain = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        // Leetspeak inside the word only: the digits and symbols around it are the decoration.
        String leet = deLeet(lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")).replaceAll("[^\\p{L}\\p{N}]", "");
        if (COMMON.contains(lower) || COMMON.contains(plain) || (leet.length() >= 4 && COMMON.contains(leet))) {
            return true;
        }
        // A listed word (not a digit run) with digits around it: Dragon2026!, 2026dragon.
        String core = plain.replaceAll("^\\d+|\\d+$", "");
        if (core.length() >= 4 && !core.equals(plain) && core.chars().noneMatch(Character::isDigit)
                && COMMON.contains(core)) {
            return true;
        }
        return pinyinNameWithDigits(plain);
    }

    private static String deLeet(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    /** A surname and one or two given-name syllables in pinyin, with 2–8 digits (a birthday, a year) before or after. */
    private static boolean pinyinNameWithDigits(String plain) {
        Matcher after = LETTERS_THEN_DIGITS.matcher(plain);
        Matcher before = DIGITS_THEN_LETTERS.matcher(plain);
        String letters = after.matches() ? after.group(1) : before.matches() ? before.group(2) : null;
        if (letters == null) {
            return false;
        }
        for (int i = 1; i < letters.length(); i++) {
            if (SURNAMES.contains(letters.substring(0, i)) && givenName(letters.substring(i), 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean givenName(String rest, int syllables) {
        if (SYLLABLES.contains(rest)) {
            return true;
        }
        if (syllables < 2) {
            return false;
        }
        for (int i = 1; i < rest.length(); i++) {
            if (SYLLABLES.contains(rest.substring(0, i)) && givenName(rest.substring(i), syllables - 1)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            Set<String> passwords = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String password = line.strip();
                if (!password.isEmpty() && !password.startsWith("#")) {
                    passwords.add(password.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random temporary password that satisfies the policy, shown once to the administrator. */
    static String temporary() {
        StringBuilder password = new StringBuilder("Cg#");
        for (int i = 0; i < 10; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        password.append(RANDOM.nextInt(10));
        return password.toString();
    }
}
