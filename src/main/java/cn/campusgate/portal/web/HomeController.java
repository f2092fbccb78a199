package cn.campusgate.portal.web;

import java.util.Comparator;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and each person's home: their duties, their waiting work, and what they may open. */
@Controller
class HomeController {

    private final List<HomeTaskContributor> taskContributors;

    HomeController(List<HomeTaskContributor> taskContributors) {
        this.taskContributors = taskContributors;
    }

    @GetMapping("/login")
    String login() {
        return Actors.current().isPresent() ? "redirect:/" : "portal/login";
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.required();
        List<HomeTask> tasks = taskContributors.stream()
                .flatMap(contributor -> contributor.tasksFor(actor).stream())
                .filter(task -> task.count() > 0)
                .toList();
        List<Role> roles = actor.roles().stream().sorted(Comparator.naturalOrder()).toList();
        model.addAttribute("tasks", tasks);
        model.addAttribute("roles", roles);
        return "portal/home";
    }
}
