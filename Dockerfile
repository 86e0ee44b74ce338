# syntax=docker/dockerfile:1
# One image recipe for the four services: the build arguments name the module and its HTTP port.
# Build from the repository root, for example:
#   docker build --build-arg SERVICE=intake-service --build-arg PORT=8081 -t hearingstate/intake-service .
# docker-compose.yml passes the same arguments for each service.

# --- Build: the Maven Wrapper builds the service and the shared modules it needs. ---
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /workspace
COPY . .
# The cache mount keeps downloaded dependencies between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" \
    && ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}/target/${SERVICE}"-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- Run: JRE only, as an unprivileged user; dependencies and application in separate layers. ---
FROM eclipse-temurin:21-jre
ARG PORT
RUN groupadd --system hearing && useradd --system --gid hearing --uid 10001 --no-create-home hearing
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER hearing
# No EXPOSE: its port cannot come from a build argument under dockerfilelint, and compose and Kubernetes
# name the published port themselves.
ENV PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
# Actuator is on MANAGEMENT_SERVER_PORT where compose and Kubernetes set one, else on the service's port.
# Six misses at 15 s leave 90 s for start-up. (No --start-period: dockerfilelint 1.8 misreads it;
# docker-compose.yml and the Kubernetes startup probe give the start-up grace explicitly.)
HEALTHCHECK --interval=15s --timeout=5s --retries=6 \
    CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-${PORT}}/actuator/health" > /dev/null || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
