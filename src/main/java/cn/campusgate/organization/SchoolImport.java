package cn.campusgate.organization;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.OrganizationEvents.SchoolsImported;
import cn.campusgate.organization.SchoolRows.Lookup;
import cn.campusgate.organization.SchoolRows.Outcome;
import cn.campusgate.organization.SchoolRows.Problem;
import cn.campusgate.organization.SchoolSheet.DataRow;
import cn.campusgate.organization.SchoolSheet.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports schools from a spreadsheet (.xlsx or .csv) that an administrator uploads. Every row is checked
 * first; if any row has a problem nothing is imported and every problem is reported by row and column in
 * the person's language. Otherwise all schools are created in one transaction, with one audit entry.
 */
@Service
public class SchoolImport {

    /** Most data rows one file may hold. */
    public static final int MAX_ROWS = SchoolSheet.MAX_ROWS;

    /**
     * One problem found in the file.
     *
     * @param row          the row number Excel shows (the header is row 1); 0 for the file as a whole
     * @param column       the column's header as written in the file, or "" when the problem is not one cell's
     * @param columnLetter the column's letter (A, B, …), or ""
     * @param message      what is wrong and what to do, in the person's language
     */
    public record RowError(int row, String column, String columnLetter, String message) {
        public boolean fileLevel() {
            return row == 0;
        }
    }

    /**
     * What an import did.
     *
     * @param rowsChecked data rows read (empty rows not counted)
     * @param created     schools created: all rows, or 0 when there is any error
     */
    public record Result(String fileName, int rowsChecked, int created, List<RowError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private final OrganizationRepository repository;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    SchoolImport(OrganizationRepository repository, Organizations organizations, ApplicationEventPublisher events,
                 MessageSource messages, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** The columns a file may have, in template order. */
    public List<SchoolColumn> columns() {
        return Arrays.asList(SchoolColumn.values());
    }

    /** The stage labels offered in the template, in the person's language. */
    public List<String> stageChoices(Locale locale) {
        return SchoolRows.stageChoices(locale);
    }

    /**
     * Checks the file and, when every row is good, creates all its schools.
     *
     * @param fileName as uploaded; its extension chooses the format
     * @param locale   the language of the messages
     */
    @Transactional
    public Result importSchools(String fileName, byte[] content, Locale locale) {
        Actor actor = Organizations.requireAdministrator();
        String name = displayName(fileName);
        SchoolSheet sheet;
        try {
            sheet = SchoolSheet.read(name, content);
        } catch (SchoolSheet.Unreadable e) {
            return new Result(name, 0, 0, List.of(new RowError(0, "", "",
                    message(e.messageKey(), e.arguments(), locale))));
        }
        Outcome outcome = SchoolRows.check(sheet.rows(), lookup(actor, sheet.rows()), clock.instant());
        if (!outcome.clean()) {
            List<RowError> errors = outcome.problems().stream()
                    .sorted(Comparator.comparingInt(Problem::row)
                            .thenComparing(p -> p.column() == null ? Integer.MAX_VALUE : p.column().ordinal()))
                    .map(p -> rowError(p, sheet.headers(), locale))
                    .toList();
            return new Result(name, sheet.rows().size(), 0, errors);
        }
        try {
            repository.saveAll(outcome.schools());
        } catch (DuplicateKeyException e) {
            // Someone created a school with one of these codes or names since the check: nothing is kept.
            throw new BusinessRuleViolation("school-import.conflict");
        }
        events.publishEvent(new SchoolsImported(actor.username(), outcome.schools().size(), name));
        return new Result(name, sheet.rows().size(), outcome.schools().size(), List.of());
    }

    /** An .xlsx to fill in: the header row, one example row, and a sheet explaining each column. */
    @Transactional(readOnly = true)
    public byte[] template(Locale locale) {
        Actor actor = Organizations.requireAdministrator();
        List<String> towns = townsInScope(actor).values().stream()
                .filter(Organization::active)
                .sorted(Comparator.comparing((Organization o) -> o.townKind() == TownKind.TOWN).thenComparing(Organization::id))
                .map(Organization::name)
                .toList();
        return SchoolImportTemplate.write(locale, messages, towns, stageChoices(locale));
    }

    private Lookup lookup(Actor actor, List<DataRow> rows) {
        Set<Long> scope = organizations.scopeOf(actor);
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (DataRow row : rows) {
            codes.add(SchoolRows.normalized(row.get(SchoolColumn.CODE)));
            names.add(row.get(SchoolColumn.NAME));
        }
        codes.remove("");
        names.remove("");
        Map<String, String> takenCodes = new HashMap<>();
        if (!codes.isEmpty()) {
            for (Organization holder : repository.findByCodeIn(codes)) {
                takenCodes.put(holder.code(), scope.contains(holder.id()) ? holder.name() : "");
            }
        }
        Set<String> activeSchools = names.isEmpty() ? Set.of()
                : new HashSet<>(repository.activeNamesAmong(OrganizationKind.SCHOOL.name(), names));
        return new Lookup(townsInScope(actor), takenCodes, activeSchools);
    }

    /** Towns and streets in the actor's jurisdiction by name; an active one wins over an inactive namesake. */
    private Map<String, Organization> townsInScope(Actor actor) {
        Map<String, Organization> towns = new HashMap<>();
        for (Organization o : repository.findAllById(organizations.scopeOf(actor))) {
            if (o.isJurisdictionOf(JurisdictionLevel.TOWN)) {
                towns.merge(o.name(), o, (a, b) -> a.active() ? a : b);
            }
        }
        return towns;
    }

    private RowError rowError(Problem problem, Map<SchoolColumn, Header> headers, Locale locale) {
        @Nullable Header header = problem.column() == null ? null : headers.get(problem.column());
        String column = header != null ? header.label()
                : problem.column() != null ? messages.getMessage(problem.column().labelKey(), null, locale) : "";
        return new RowError(problem.row(), column, header != null ? header.letter() : "",
                message(problem.messageKey(), problem.arguments(), locale));
    }

    private String message(String key, Object[] arguments, Locale locale) {
        Object[] shown = Arrays.stream(arguments)
                .map(argument -> argument instanceof List<?> columns ? columnList(columns, locale) : argument)
                .toArray();
        return messages.getMessage(key, shown, key, locale);
    }

    /** Columns named by both their headers, since either is accepted: 学段（stage）、所属镇街（town）. */
    private static String columnList(List<?> columns, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return columns.stream()
                .map(SchoolColumn.class::cast)
                .map(c -> english ? "\"" + c.englishHeader() + "\" (" + c.chineseHeader() + ")"
                        : c.chineseHeader() + "（" + c.englishHeader() + "）")
                .collect(java.util.stream.Collectors.joining(english ? ", " : "、"));
    }

    /** The name the person knows the file by, without any path a browser may send. */
    private static String displayName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
