package cn.campusgate.screening;

import java.util.function.BiConsumer;

/** Where registered themes are kept, so the index survives a restart. */
interface ThemeStore {

    void save(String key, String text);

    void delete(String key);

    /** Every stored theme, as (key, text). */
    void forEach(BiConsumer<String, String> consumer);
}
