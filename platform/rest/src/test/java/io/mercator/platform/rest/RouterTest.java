package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/api/v1/bundles", Role.VIEWER, List.of(), "list", call -> Reply.noContent())
            .add("POST", "/api/v1/bundles", Role.ADMIN, List.of("application/java-archive"), "upload",
                    call -> Reply.noContent())
            .add("POST", "/api/v1/bundles/{id}/start", Role.ADMIN, List.of(), "start", call -> Reply.noContent());

    @Test
    void matchesMethodAndTemplateAndExtractsParameters() {
        Router.Match match = router.match("POST", "/api/v1/bundles/42/start");
        assertEquals("/api/v1/bundles/{id}/start", match.route().template());
        assertEquals(Map.of("id", "42"), match.parameters());
        assertEquals(Role.ADMIN, router.match("POST", "/api/v1/bundles").route().role());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithTheAllowedOnes() {
        Problem.ProblemException notFound = assertThrows(Problem.ProblemException.class,
                () -> router.match("GET", "/api/v1/nothing"));
        assertEquals(404, notFound.problem().status());
        Problem.ProblemException wrongMethod = assertThrows(Problem.ProblemException.class,
                () -> router.match("DELETE", "/api/v1/bundles"));
        assertEquals(405, wrongMethod.problem().status());
        assertEquals("GET, POST", wrongMethod.problem().extensions().get("allow"));
    }

    @Test
    void emptySegmentsAndExtraSegmentsDoNotMatch() {
        assertNull(Router.parameters("/api/v1/bundles/{id}/start", "/api/v1/bundles//start"));
        assertNull(Router.parameters("/api/v1/bundles", "/api/v1/bundles/"));
        assertNull(Router.parameters("/api/v1/bundles", "/api/v1/bundles/1"));
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertEquals(true, Role.ADMIN.includes(Role.OPERATOR));
        assertEquals(true, Role.OPERATOR.includes(Role.VIEWER));
        assertEquals(false, Role.VIEWER.includes(Role.OPERATOR));
        assertEquals(false, Role.OPERATOR.includes(Role.ADMIN));
        assertEquals(Role.OPERATOR, Role.fromId(" Operator "));
        assertThrows(IllegalArgumentException.class, () -> Role.fromId("root"));
    }
}
