package cn.campusgate.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.campusgate.campaign.CampaignEvents.AffairsSurveyed;
import cn.campusgate.campaign.CampaignEvents.SurveyedAffair;
import cn.campusgate.campaign.SurveyRows.Checked;
import cn.campusgate.campaign.SurveySheet.Header;
import cn.campusgate.core.Actor;
import cn.campusgate.core.NotFound;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import cn.campusgate.screening.RuleFamily;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the baseline survey from the Excel template. Every row is checked first; a file with any problem imports
 * nothing and every problem is reported by row and column in the person's language. A clean file is then written
 * in the background in one transaction (all rows or none), each affair screened, while the import's progress is
 * kept in its own row for the page to show. The same file again, or rows already reported, create nothing new.
 */
@Service
public class SurveyImports {

    private static final Logger log = LoggerFactory.getLogger(SurveyImports.class);
    /** Progress is written every so many rows. */
    static final int PROGRESS_EVERY = 100;

    public record RowError(int row, String column, String columnLetter, String message) {
        public boolean fileLevel() {
            return row == 0;
        }
    }

    /**
     * What the check of a file found.
     *
     * @param importId     the import started in the background, when the file was clean and new
     * @param earlier      the earlier import of the very same file, when this one was refused as a repeat
     */
    public record Check(String fileName, int rows, List<RowError> errors, @Nullable Long importId,
                        @Nullable SurveyImport earlier) {
        public Check {
            errors = List.copyOf(errors);
        }

        public boolean started() {
            return importId != null;
        }
    }

    private final CampaignRepository repository;
    private final Campaigns campaigns;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TaskExecutor executor;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final Clock clock;

    SurveyImports(CampaignRepository repository, Campaigns campaigns, Organizations organizations,
                  ApplicationEventPublisher events, MessageSource messages,
                  @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
                  PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.events = events;
        this.messages = messages;
        this.executor = executor;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Checks the file and, when every row is good and the file is new, starts writing it in the background. */
    public Check start(long campaignId, String fileName, byte[] content, Locale locale) {
        Actor actor = Campaigns.reporter();
        Campaign campaign = transaction.execute(s -> campaigns.scoped(actor, campaignId));
        String name = displayName(fileName);
        SurveySheet sheet;
        try {
            sheet = SurveySheet.read(name, content);
        } catch (SurveySheet.Unreadable e) {
            return new Check(name, 0, List.of(new RowError(0, "", "", message(e.messageKey(), e.arguments(), locale))),
                    null, null);
        }
        List<Checked> checked = SurveyRows.check(sheet.rows(), campaign.surveySince(), campaigns.today());
        List<RowError> errors = new ArrayList<>();
        for (Checked row : checked) {
            for (SurveyRules.Violation v : row.violations()) {
                SurveyColumn column = SurveyColumn.ofField(v.field());
                Header header = sheet.headers().get(column);
                errors.add(new RowError(row.row().number(), header != null ? header.label() : column.header(locale),
                        header != null ? header.letter() : "", message(v.messageKey(), v.arguments().toArray(), locale)));
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::columnLetter));
        if (!errors.isEmpty()) {
            return new Check(name, sheet.rows().size(), errors, null, null);
        }
        String hash = SurveyKeys.contentHash(content);
        Optional<SurveyImport> earlier = transaction.execute(s -> repository.sameFile(campaignId, actor.organizationId(), hash));
        if (earlier.isPresent()) {
            return new Check(name, sheet.rows().size(), List.of(), null, earlier.get());
        }
        List<SurveyCommand> commands = checked.stream().map(Checked::command).toList();
        long importId = separate.execute(s -> repository.insertImport(campaignId, actor.organizationId(), name, hash,
                commands.size(), actor.username(), clock.instant()));
        executor.execute(() -> write(importId, campaign, actor, commands));
        return new Check(name, commands.size(), List.of(), importId, null);
    }

    /** An import of a campaign the actor may see, for its progress. */
    public SurveyImport get(long importId) {
        Actor actor = Campaigns.reporter();
        return transaction.execute(s -> {
            SurveyImport found = repository.importOf(importId).orElseThrow(() -> new NotFound("surveyImport", importId));
            campaigns.scoped(actor, found.campaignId());
            if (!Campaigns.overseer(actor) && found.reporterId() != actor.organizationId()) {
                throw new NotFound("surveyImport", importId);
            }
            return found;
        });
    }

    /** Recent imports the actor may see. */
    public List<SurveyImport> recent(long campaignId) {
        Actor actor = Campaigns.reporter();
        return transaction.execute(s -> {
            campaigns.scoped(actor, campaignId);
            return repository.imports(campaignId, Campaigns.overseer(actor) ? null : actor.organizationId());
        });
    }

    void write(long importId, Campaign campaign, Actor actor, List<SurveyCommand> commands) {
        try {
            transaction.executeWithoutResult(s -> {
                Organization reporter = organizations.get(actor.organizationId());
                Campaigns.Resolver resolver = campaigns.resolver();
                List<SurveyedAffair> surveyed = new ArrayList<>();
                int processed = 0;
                int skipped = 0;
                int problems = 0;
                for (SurveyCommand command : commands) {
                    Instant now = clock.instant();
                    Optional<Long> id = repository.insertAffair(campaign.id(), reporter.id(), reporter.name(),
                            SurveyKeys.naturalKey(reporter.id(), command), command,
                            resolver.department(command.department()), resolver.school(command.school(), reporter),
                            importId, actor.username(), now);
                    if (id.isPresent()) {
                        SurveyAffair affair = repository.affair(id.get()).orElseThrow();
                        List<RuleFamily> found = campaigns.screen(affair, now);
                        problems += found.size();
                        surveyed.add(Campaigns.surveyed(affair, found));
                    } else {
                        skipped++;
                    }
                    processed++;
                    if (processed % PROGRESS_EVERY == 0) {
                        int done = processed;
                        separate.executeWithoutResult(p -> repository.progress(importId, done));
                    }
                }
                repository.finishImport(importId, processed, surveyed.size(), skipped, problems, clock.instant());
                events.publishEvent(new AffairsSurveyed(actor.username(), campaign.id(), campaign.jurisdictionId(),
                        reporter.id(), importId, surveyed, problems));
            });
        } catch (RuntimeException e) {
            log.error("Survey import {} failed; nothing of it was kept", importId, e);
            separate.executeWithoutResult(s -> repository.failImport(importId, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    private String message(String key, Object[] arguments, Locale locale) {
        Object[] shown = Arrays.stream(arguments)
                .map(a -> a instanceof List<?> columns ? columns.stream().map(c -> ((SurveyColumn) c).header(locale))
                        .collect(Collectors.joining("en".equals(locale.getLanguage()) ? ", " : "、")) : a)
                .toArray();
        return messages.getMessage(key, shown, key, locale);
    }

    private static String displayName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The template to fill in, in the person's language (see {@link SurveyTemplate}). */
    public byte[] template(Locale locale) {
        Campaigns.reporter();
        List<String> departments = transaction.execute(s -> campaigns.departmentNames());
        return SurveyTemplate.write(locale, messages, departments);
    }
}
