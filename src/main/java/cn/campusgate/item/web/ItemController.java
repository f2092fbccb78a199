package cn.campusgate.item.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemDiff;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.ItemStatus;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import cn.campusgate.screening.Finding;
import cn.campusgate.screening.Severity;
import cn.campusgate.screening.RuleFamily;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages where departments draft and submit items and reviewers read them; the chain's actions sit in panels. */
@Controller
@RequestMapping("/items")
@PreAuthorize("isAuthenticated()")
class ItemController {

    private final Items items;
    private final Organizations organizations;
    private final cn.campusgate.organization.Accounts accounts;
    private final ItemLabels labels;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ItemController(Items items, Organizations organizations, ItemLabels labels, MessageSource messages,
                   cn.campusgate.organization.Accounts accounts) {
        this.accounts = accounts;
        this.items = items;
        this.organizations = organizations;
        this.labels = labels;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("routes", ItemRoute.values());
        model.addAttribute("grounds", AdmissionGround.values());
        model.addAttribute("deliveryModes", DeliveryMode.values());
        model.addAttribute("channels", IntegrationChannel.values());
        model.addAttribute("stages", SchoolStage.values());
        model.addAttribute("graduatingOptions", GraduatingClasses.values());
        model.addAttribute("frequencies", Frequency.values());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('APPLICANT', 'COMMISSION_REVIEWER')")
    String list(@RequestParam(required = false) @Nullable ItemStatus status, Model model) {
        List<Item> visible = items.visibleItems();
        model.addAttribute("status", status);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("items", visible.stream().filter(i -> status == null || i.status() == status).toList());
        model.addAttribute("departments", departmentNames(visible));
        return "item/items";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('APPLICANT')")
    String newForm(Model model) {
        return form(ItemContent.empty(), null, Map.of(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    String create(@Valid @ModelAttribute("form") ItemContent form, BindingResult binding,
                  @RequestParam(defaultValue = "save") String intent, Model model, RedirectAttributes redirect,
                  Locale locale) {
        if (binding.hasErrors()) {
            return form(form, null, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Item item = items.draft(form);
            if ("submit".equals(intent)) {
                return submitted(item.id(), item.version(), redirect, model, locale);
            }
            redirect.addFlashAttribute("notice", messages.getMessage("item.saved", new Object[]{item.title()}, locale));
            return "redirect:/items/" + item.id();
        } catch (BusinessRuleViolation e) {
            return form(form, null, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    /** Everyone taking part in the item's handling reads it here; {@link Items#get} decides who that is. */
    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model, Locale locale) {
        Item item = items.get(id);
        List<Items.Version> versions = items.versions(id);
        model.addAttribute("item", item);
        model.addAttribute("department", organizations.get(item.departmentId()).name());
        model.addAttribute("versions", versions);
        model.addAttribute("submitters", submitters(versions));
        model.addAttribute("fields", ItemDiff.texts(item.content(), v -> labels.display(v, locale)));
        model.addAttribute("mayWork", items.mayWorkOn(item));
        model.addAttribute("panels", items.panels(item));
        model.addAttribute("mayWithdraw", items.mayWithdraw(item));
        model.addAttribute("problems", item.status().editable()
                ? problems(item.content(), locale) : Map.of());
        model.addAttribute("findings", item.status().editable() ? items.screen(item.content(), id) : List.of());
        model.addAttribute("similar", items.similarWithDepartments(id, 8));
        return "item/item";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('APPLICANT')")
    String editForm(@PathVariable long id, Model model) {
        Item item = items.get(id);
        if (!items.mayWorkOn(item) || !item.status().editable()) {
            return "redirect:/items/" + id;
        }
        return form(item.content(), item, Map.of(), null, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('APPLICANT')")
    String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") ItemContent form,
                  BindingResult binding, @RequestParam(defaultValue = "save") String intent, Model model,
                  RedirectAttributes redirect, Locale locale) {
        Item existing = items.get(id);
        model.addAttribute("loadedVersion", version); // a stale form stays stale until the person reloads
        if (binding.hasErrors()) {
            return form(form, existing, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Item item = items.saveDraft(id, version, form);
            if ("submit".equals(intent)) {
                return submitted(id, item.version(), redirect, model, locale);
            }
            redirect.addFlashAttribute("notice", messages.getMessage("item.saved", new Object[]{item.title()}, locale));
            return "redirect:/items/" + id;
        } catch (BusinessRuleViolation e) {
            return form(form, existing, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('APPLICANT')")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect, Model model,
                  Locale locale) {
        return submitted(id, version, redirect, model, locale);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        try {
            items.withdraw(id, version);
            redirect.addFlashAttribute("notice", messages.getMessage("item.withdrawn", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/items/" + id;
    }

    /** Live screening while the department types: findings as JSON for the form's script. */
    @PostMapping("/screen")
    @ResponseBody
    @PreAuthorize("hasRole('APPLICANT')")
    ScreeningResult screen(@Valid @ModelAttribute("form") ItemContent form, BindingResult binding,
                           @RequestParam(required = false) @Nullable Long itemId) {
        if (binding.getFieldErrors().stream().anyMatch(error -> "Size".equals(error.getCode()))) {
            // Text over its limit cannot be saved anyway (the form says so); screening a megabyte took seconds.
            return new ScreeningResult(List.of(), false);
        }
        List<Finding> findings = new java.util.ArrayList<>(items.screen(form, itemId));
        // The 14-day rule for temporary items shows while typing, not only at submission: it refuses too.
        items.submissionProblems(form).stream()
                .filter(p -> p.messageKey().equals("item.problem.temporaryLeadTime"))
                .findFirst()
                .ifPresent(p -> findings.addFirst(new Finding(LEAD_TIME_RULE, RuleFamily.DISORDERLY, Severity.REFUSE,
                        LEAD_TIME_CLAUSE, messages.getMessage("item.refusedLeadTime", p.arguments().toArray(),
                        LocaleContextHolder.getLocale()), "startDate", "")));
        return new ScreeningResult(findings, findings.stream().anyMatch(f -> f.severity() == Severity.REFUSE));
    }

    /** The temporary items' lead time as a finding of the live panel. */
    static final String LEAD_TIME_RULE = "ITEM-TEMPORARY-LEAD-TIME";
    static final String LEAD_TIME_CLAUSE = "四（三）：“未纳入白名单但确需临时开展的社会事务进校园按一事一审原则，"
            + "由事项开展部门提前2周依程序审批报备实施”";

    record ScreeningResult(List<Finding> findings, boolean refused) {
    }

    /** Two submitted versions side by side; by default the last two. */
    @GetMapping("/{id}/diff")
    String diff(@PathVariable long id, @RequestParam(required = false) @Nullable Integer from,
                @RequestParam(required = false) @Nullable Integer to, Model model, Locale locale) {
        Item item = items.get(id);
        List<Items.Version> versions = items.versions(id);
        if (versions.size() < 2) {
            return "redirect:/items/" + id;
        }
        int newer = to == null ? versions.size() : to;
        int older = from == null ? newer - 1 : from;
        Items.Version before = version(versions, older);
        Items.Version after = version(versions, newer);
        model.addAttribute("item", item);
        model.addAttribute("versions", versions);
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        model.addAttribute("changes", ItemDiff.between(before.content(), after.content(), v -> labels.display(v, locale)));
        return "item/diff";
    }

    private String submitted(long id, int version, RedirectAttributes redirect, Model model, Locale locale) {
        try {
            Item item = items.submit(id, version);
            redirect.addFlashAttribute("notice", messages.getMessage("item.submitted",
                    new Object[]{item.title(), item.submittedVersions()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/items/" + id;
    }

    private static Items.Version version(List<Items.Version> versions, int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new cn.campusgate.core.NotFound("itemVersion", number));
    }

    private String form(ItemContent form, @Nullable Item existing, Map<String, String> fieldErrors,
                        @Nullable String problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        model.addAttribute("screeningLabels", screeningLabels(LocaleContextHolder.getLocale()));
        return "item/item-form";
    }

    /** The words the form's script needs, in the user's language, as a JSON object. */
    private String screeningLabels(Locale locale) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : List.of("refuse", "warn", "clear", "refusedSummary", "warnSummary", "clause", "evidence")) {
            words.put(key, messages.getMessage("item.screening.label." + key, null, locale));
        }
        return json.writeValueAsString(words);
    }

    private Map<String, String> problems(ItemContent content, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ItemContent.Problem p : items.submissionProblems(content)) {
            problems.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.arguments().toArray(), locale));
        }
        return problems;
    }

    /** People's names for the submitters of the versions, as the record should show them. */
    private Map<String, String> submitters(List<Items.Version> versions) {
        Map<String, String> names = new LinkedHashMap<>();
        versions.forEach(v -> names.computeIfAbsent(v.submittedBy(), username -> accounts.findByUsername(username)
                .map(cn.campusgate.organization.Account::displayName).orElse(username)));
        return names;
    }

    private Map<Long, String> departmentNames(List<Item> visible) {
        Map<Long, String> names = new LinkedHashMap<>();
        visible.stream().map(Item::departmentId).distinct()
                .forEach(d -> names.put(d, organizations.find(d).map(Organization::name).orElse("—")));
        return names;
    }
}
