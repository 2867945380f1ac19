# A multi-stage build whose test stage fails
ARG BASE=containeropt/bookworm-base:1
FROM ${BASE} AS build
ENV A=1
WORKDIR /src
RUN echo building \
    && echo still building
FROM build AS test
RUN echo testing
RUN exit 7
FROM containeropt/bookworm-base:1
COPY --from=test /src /app
