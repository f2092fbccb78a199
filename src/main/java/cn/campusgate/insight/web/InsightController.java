package cn.campusgate.insight.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.NotFound;
import cn.campusgate.insight.Dashboard;
import cn.campusgate.insight.Dashboards;
import cn.campusgate.insight.FactKind;
import cn.campusgate.insight.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The dashboard of a district, town, department or school, with its charts and every figure as CSV or XLSX. */
@Controller
@RequestMapping("/insight")
@PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR', 'APPLICANT', 'SCHOOL_SENTINEL', 'TOWN_OFFICE')")
class InsightController {

    private final Dashboards dashboards;
    private final InsightTables tables;
    private final MessageSource messages;

    InsightController(Dashboards dashboards, InsightTables tables, MessageSource messages) {
        this.dashboards = dashboards;
        this.tables = tables;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) Scope.@Nullable Level level, @RequestParam(required = false) @Nullable Long id,
                     @RequestParam(name = "scope", required = false) @Nullable String picked,
                     @RequestParam(required = false) @Nullable Integer year, Model model, Locale locale) {
        if (picked != null && picked.matches("(DISTRICT|TOWN|DEPARTMENT|SCHOOL)-\\d{1,18}")) {
            level = Scope.Level.valueOf(picked.substring(0, picked.indexOf('-')));
            id = Long.parseLong(picked.substring(picked.indexOf('-') + 1));
        }
        Scope scope = dashboards.scope(level, id);
        int shownYear = year == null || year < 2020 || year > 2100 ? dashboards.defaultYear(scope) : year;
        Dashboard d = dashboards.dashboard(scope, shownYear);
        model.addAttribute("d", d);
        model.addAttribute("scope", scope);
        model.addAttribute("year", shownYear);
        model.addAttribute("years", List.of(shownYear + 1, shownYear, shownYear - 1, shownYear - 2, shownYear - 3).stream()
                .filter(y -> y <= dashboards.today().getYear() + 1).toList());
        model.addAttribute("choices", dashboards.choices());
        model.addAttribute("home", dashboards.home());
        model.addAttribute("kinds", FactKind.values());
        model.addAttribute("rankedKinds", Dashboard.RANKED_KINDS);
        model.addAttribute("figures", InsightTables.FIGURES);
        model.addAttribute("trendChart", trend(d, locale));
        model.addAttribute("departmentChart", Svg.bars(text("insight.chart.departments", locale), top(d.departments()), Svg.PALETTE[1]));
        model.addAttribute("townChart", Svg.bars(text("insight.chart.towns", locale), top(d.towns()), Svg.PALETTE[2]));
        Map<String, Long> spread = new LinkedHashMap<>();
        d.load().spread().forEach((bucket, n) -> spread.put(text("insight.load.bucket", locale, bucket), n));
        model.addAttribute("loadChart", Svg.bars(text("insight.chart.load", locale), spread, Svg.PALETTE[0]));
        return "insight/dashboard";
    }

    @GetMapping("/export/{figure}.{format}")
    ResponseEntity<byte[]> export(@PathVariable String figure, @PathVariable String format,
                                  @RequestParam(required = false) Scope.@Nullable Level level,
                                  @RequestParam(required = false) @Nullable Long id,
                                  @RequestParam(required = false) @Nullable Integer year, Locale locale) throws IOException {
        if (!InsightTables.FIGURES.contains(figure) || !(format.equals("csv") || format.equals("xlsx"))) {
            throw new NotFound("insightFigure", figure);
        }
        Scope scope = dashboards.scope(level, id);
        int shownYear = year == null || year < 2020 || year > 2100 ? dashboards.defaultYear(scope) : year;
        List<List<String>> rows = tables.table(dashboards.dashboard(scope, shownYear), figure, locale);
        String name = scope.name() + shownYear + "-" + text("insight.figure." + figure, locale) + "." + format;
        byte[] body = format.equals("csv") ? InsightTables.csv(rows)
                : InsightTables.xlsx(text("insight.figure." + figure, locale), rows);
        MediaType type = format.equals("csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"insight-" + figure + "." + format
                        + "\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private String trend(Dashboard d, Locale locale) {
        List<String> months = new ArrayList<>();
        d.months().forEach(m -> months.add("zh".equals(locale.getLanguage()) ? m.month().getMonthValue() + "月"
                : m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK)));
        Map<String, long[]> series = new LinkedHashMap<>();
        for (FactKind kind : Dashboard.TREND_KINDS) {
            long[] values = d.months().stream().mapToLong(m -> m.count(kind)).toArray();
            if (java.util.Arrays.stream(values).anyMatch(v -> v > 0) || kind == FactKind.SENTINEL_RECORD) {
                series.put(text("insight.kind." + kind, locale), values);
            }
        }
        return Svg.lines(text("insight.chart.trend", locale), months, series);
    }

    private static Map<String, Long> top(List<Dashboard.Ranked> ranked) {
        Map<String, Long> bars = new LinkedHashMap<>();
        ranked.stream().filter(r -> r.count(FactKind.VIOLATION) + r.count(FactKind.CAMPAIGN_PROBLEM) > 0).limit(10)
                .forEach(r -> bars.put(r.name(), r.count(FactKind.VIOLATION) + r.count(FactKind.CAMPAIGN_PROBLEM)));
        return bars;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
