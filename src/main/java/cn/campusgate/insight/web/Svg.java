package cn.campusgate.insight.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn on the server as SVG: no script, printable, readable by screen readers through their title and the
 * table each chart sits beside. Text is escaped; colours follow the product's palette.
 */
final class Svg {

    static final String[] PALETTE = {"#1f5fa8", "#c0392b", "#e0a100", "#2e8b57", "#7b4fa0", "#5f6b7a"};

    private Svg() {
    }

    /** Horizontal bars, one per label, longest first as given. */
    static String bars(String title, Map<String, Long> data, String color) {
        int rowHeight = 26;
        int labelWidth = 170;
        int width = 560;
        int height = Math.max(1, data.size()) * rowHeight + 10;
        long max = Math.max(1, data.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = open(width, height, title);
        int y = 5;
        for (Map.Entry<String, Long> bar : data.entrySet()) {
            double length = (width - labelWidth - 50) * (double) bar.getValue() / max;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">%s</text>",
                    labelWidth - 8, y + 17, escape(shorten(bar.getKey(), 13))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"2\" fill=\"%s\"><title>%s：%d</title></rect>",
                    labelWidth, y + 4, Math.max(length, 1.0), color, escape(bar.getKey()), bar.getValue()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#333\">%d</text>",
                    labelWidth + length + 6, y + 17, bar.getValue()));
            y += rowHeight;
        }
        if (data.isEmpty()) {
            svg.append("<text x=\"280\" y=\"20\" text-anchor=\"middle\" font-size=\"12\" fill=\"#777\">—</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Lines over the months, one per series, with a legend. */
    static String lines(String title, List<String> months, Map<String, long[]> series) {
        int width = 960;
        int height = 240;
        int left = 40;
        int bottom = 40;
        int top = 30;
        int plotWidth = width - left - 20;
        int plotHeight = height - top - bottom;
        long max = 1;
        for (long[] values : series.values()) {
            for (long v : values) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max);
        long ceiling = ((max + step - 1) / step) * step;
        StringBuilder svg = open(width, height, title);
        for (long tick = 0; tick <= ceiling; tick += step) {
            double y = top + plotHeight - plotHeight * (double) tick / ceiling;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>",
                    left, width - 20, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#666\">%d</text>",
                    left - 6, y + 4, tick));
        }
        int n = months.size();
        double dx = n > 1 ? (double) plotWidth / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#666\">%s</text>",
                    left + i * dx, height - bottom + 16, escape(months.get(i))));
        }
        int s = 0;
        for (Map.Entry<String, long[]> line : series.entrySet()) {
            String color = PALETTE[s % PALETTE.length];
            StringBuilder points = new StringBuilder();
            long[] values = line.getValue();
            for (int i = 0; i < values.length; i++) {
                double x = left + i * dx;
                double y = top + plotHeight - plotHeight * (double) values[i] / ceiling;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s：%d</title></circle>",
                        x, y, color, escape(line.getKey()), escape(months.get(i)), values[i]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                    points.toString().strip(), color));
            int lx = left + s * 130;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"4\" fill=\"%s\"/>", lx, color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"12\" fill=\"#333\">%s</text>",
                    lx + 16, escape(line.getKey())));
            s++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "preserveAspectRatio=\"xMinYMin meet\" font-family=\"sans-serif\"><title>%s</title>",
                width, height, escape(title)));
    }

    static long niceStep(long max) {
        long raw = Math.max(1, (max + 3) / 4);
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long factor : new long[]{1, 2, 5, 10}) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return raw;
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
