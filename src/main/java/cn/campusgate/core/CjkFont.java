package cn.campusgate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Chinese font of the machine for the PDFs the product issues (committee opinions, whitelist notices;
 * embedded, subset): the file named by {@code campusgate.pdf-font}, or the first of the usual Debian, Ubuntu and other places
 * (Noto Sans/Serif CJK from {@code fonts-noto-cjk}, WenQuanYi, AR PL). Without one, a PDF is refused with
 * a message that says what to install (a PDF with a Latin font would print blanks for Chinese), and the application says so when it starts.
 */
@Component
public class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
    static final List<String> SEARCHED = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/arphic/ukai.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "C:/Windows/Fonts/msyh.ttc");

    private final @Nullable String configured;
    private final List<String> searched;
    private volatile @Nullable BaseFont font;

    @org.springframework.beans.factory.annotation.Autowired
    CjkFont(@Value("${campusgate.pdf-font:}") @Nullable String configured) {
        this(configured, SEARCHED);
    }

    CjkFont(@Nullable String configured, List<String> searched) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.searched = List.copyOf(searched);
    }

    /** The font, loaded once; refused with {@code committee.pdf.noFont} when the machine has none. */
    public BaseFont font() {
        BaseFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                loaded = font;
            }
        }
        return loaded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellWhenMissing() {
        if (file().isEmpty()) {
            log.warn("No Chinese font found for PDFs (looked at {} and {}). Install one, e.g. "
                    + "'apt-get install fonts-noto-cjk', or set campusgate.pdf-font to a .ttf/.ttc/.otf file.",
                    configured == null ? "no configured file" : configured, searched);
        }
    }

    Optional<Path> file() {
        List<String> places = new ArrayList<>();
        if (configured != null) {
            places.add(configured);
        }
        places.addAll(searched);
        return places.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    private BaseFont load() {
        Path path = file().orElseThrow(() -> new BusinessRuleViolation("pdf.noFont"));
        String name = path.toString();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                name = name + "," + simplifiedChineseIndex(name);
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The Chinese font " + path + " cannot be read for PDFs: " + e.getMessage(), e);
        }
    }

    /** In a collection, the face for simplified Chinese (Noto's "…CJKsc…", WenQuanYi's first), else the first. */
    private static int simplifiedChineseIndex(String collection) throws DocumentException, IOException {
        String[] names = BaseFont.enumerateTTCNames(collection);
        for (int i = 0; i < names.length; i++) {
            String lower = names[i].toLowerCase(Locale.ROOT);
            if ((lower.contains("cjksc") || lower.contains(" sc") || lower.endsWith("sc-regular")) && !lower.contains("mono")) {
                return i;
            }
        }
        return 0;
    }
}
