package cn.campusgate.supervision;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public exposure page (曝光台): concluded exposures, redacted, for anyone. */
@Service
public class Exposures {

    private final SupervisionRepository repository;

    Exposures(SupervisionRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<PublishedExposure> published() {
        return repository.exposures(200);
    }
}
