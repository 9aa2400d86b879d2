package dev.dragoman.gateway.admin;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The head of {@code GET /admin/openapi} (docs/ADMIN.md): its title and the admin key that every
 * operation needs. The operations themselves are described where their routes are built, with
 * {@code @RouterOperations}, so that a route and its description change together.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Dragoman admin API", version = "1",
        description = "Reload and read the context maps, try translations, follow events and sagas, list and re-send the outbox (docs/ADMIN.md)"),
        security = @SecurityRequirement(name = "adminKey"))
@SecurityScheme(name = "adminKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-Api-Key",
        description = "an admin key of dragoman.admin.api-keys; a caller's key is answered 403")
class AdminOpenApiConfiguration {
}
