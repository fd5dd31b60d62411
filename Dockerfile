# One image per service, from the jar that `mvn -DskipTests package` built:
#   docker-compose build   (the compose file passes SERVICE for each service)
FROM eclipse-temurin:25-jre
ARG SERVICE
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app parking \
 && mkdir -p /app/mqtt-sessions && chown -R parking /app
# The IoT gateway keeps its MQTT session files under the working directory; a named volume
# mounted there starts with this folder's owner.
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
USER parking
ENV JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
