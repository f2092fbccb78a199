package cn.campusgate.audit.web;

import cn.campusgate.audit.AuditTrail;
import cn.campusgate.audit.AuditVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "审计留痕 Audit trail")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Recompute the hash chain; reports the first entry that no longer matches")
    AuditVerification verify() {
        return trail.verify();
    }
}
