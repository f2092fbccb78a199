package cn.campusgate.evaluation.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.approval.Semester;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser's own note of the activities it answered this semester, in a cookie signed with HMAC-SHA256, so that a
 * browser answers each activity once and no more than the semester's cap — without the server keeping anything that
 * ties a browser (or an address) to an answer. The key is derived from the configured ballot key (by default the
 * deployment's identity key), never used as it is.
 */
@Component
class BallotCookie {

    static final String NAME = "cg_feedback";
    private static final Duration KEPT = Duration.ofDays(200);

    private final byte[] key;
    private final Clock clock;

    BallotCookie(@Value("${campusgate.evaluation.ballot-key}") String configured, Clock clock) {
        this.key = hmac(Base64.getDecoder().decode(configured.strip()), "campusgate-feedback-ballot".getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** The activities this browser answered in the current semester (nothing when the cookie is absent or forged). */
    Set<Long> answered(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Set.of();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).findFirst()
                .map(c -> read(c.getValue())).orElse(Set.of());
    }

    void add(HttpServletRequest request, HttpServletResponse response, long activityId) {
        Set<Long> ids = new LinkedHashSet<>(answered(request));
        ids.add(activityId);
        String body = semester() + "~" + ids.stream().map(String::valueOf).collect(Collectors.joining("."));
        String value = body + "~" + sign(body);
        response.addHeader("Set-Cookie", ResponseCookie.from(NAME, value).path("/").maxAge(KEPT).httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).build().toString());
    }

    Set<Long> read(String value) {
        String[] parts = value.split("~", -1);
        if (parts.length != 3) {
            return Set.of();
        }
        String body = parts[0] + "~" + parts[1];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))
                || !parts[0].equals(semester()) || parts[1].isEmpty()) {
            return Set.of();
        }
        try {
            return Arrays.stream(parts[1].split("\\.")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (NumberFormatException e) {
            return Set.of();
        }
    }

    private String semester() {
        Semester semester = Semester.of(LocalDate.now(clock));
        return semester.year() + (semester.autumn() ? "A" : "S");
    }

    private String sign(String body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
