FROM containeropt/bookworm-base:1 AS build
WORKDIR /src
COPY a.txt .
RUN cat a.txt > b.txt
FROM containeropt/bookworm-base:1
COPY --from=build /src/b.txt /b.txt
RUN echo hi
