package cn.campusgate.core;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a text staff typed names a protected person: a complainant or an objector, whose identity is sealed.
 * Each form they gave (a name, a phone number, an e-mail address, an ID-card number) is looked for in the text
 * as written and also without separators, after full-width characters are folded to their ASCII forms:
 * {@code 138 0013 8000}, {@code 138-0013-8000}, {@code （138）0013.8000}, {@code １３８００１３８０００} and
 * {@code +86 13800138000} all name {@code 13800138000}; {@code 李　明}, {@code 李 明} and {@code 李-明} name
 * {@code 李明}. Numbers and e-mail addresses are compared with every separator removed, names only with blanks,
 * dashes and dots removed (so that {@code 李，明天} does not name 李明). An e-mail address is also found by its local
 * part when that has at least five characters. Values shorter than two characters are not looked for.
 */
public final class IdentityText {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\-_.·•]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s\\-().]*\\d[xX]?");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\dXx])\\d{17}[\\dXx](?![\\dXx])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    private IdentityText() {
    }

    /** Whether {@code text} mentions any of the values (names and contacts of the protected people). */
    public static boolean mentions(@Nullable String text, Collection<? extends @Nullable String> values) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = fold(text);
        String bare = SEPARATORS.matcher(folded).replaceAll("");
        String unblanked = BLANKS.matcher(folded).replaceAll("");
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String form : forms(value)) {
                boolean contact = form.chars().anyMatch(Character::isDigit) || form.contains("@")
                        || form.chars().allMatch(c -> c < 128);
                String needle = (contact ? SEPARATORS : BLANKS).matcher(form).replaceAll("");
                if (needle.length() >= 2 && (folded.contains(form) || (contact ? bare : unblanked).contains(needle))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a text meant for publication carries a contact anybody could use: a mobile number, an ID-card number
     * or an e-mail address (with or without separators, full-width or not).
     */
    public static boolean carriesPersonalContact(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = fold(text);
        String digitsJoined = folded.replaceAll("(?<=\\d)[\\s\\-.]+(?=\\d)", "");
        return MOBILE.matcher(digitsJoined).find() || ID_NUMBER.matcher(digitsJoined).find()
                || EMAIL.matcher(folded).find();
    }

    /**
     * The forms one value is looked for in: the value itself, every number in it (digits only, without a +86 or
     * 0086 prefix) and every e-mail address in it with its local part. A contact field often holds several
     * ({@code 139… / someone@example.cn}): each is found on its own.
     */
    static java.util.List<String> forms(String value) {
        String v = fold(value).strip();
        java.util.List<String> forms = new java.util.ArrayList<>();
        forms.add(v);
        java.util.regex.Matcher number = NUMBER.matcher(v);
        while (number.find()) {
            String digits = number.group().replaceAll("\\D", "");
            if (digits.startsWith("0086")) {
                digits = digits.substring(4);
            } else if (digits.startsWith("86") && digits.length() == 13) {
                digits = digits.substring(2);
            }
            if (digits.length() >= 5) {
                forms.add(digits);
            }
        }
        java.util.regex.Matcher email = EMAIL.matcher(v);
        while (email.find()) {
            forms.add(email.group());
            int at = email.group().indexOf('@');
            if (at >= 5) {
                forms.add(email.group().substring(0, at));
            }
        }
        return forms;
    }

    /** Full-width to ASCII (NFKC), lower case. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
