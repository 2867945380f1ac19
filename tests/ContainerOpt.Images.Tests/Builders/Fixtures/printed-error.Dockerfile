FROM containeropt/bookworm-base:1
RUN printf '  Determining projects to restore...\n  Restored /src/app.csproj (in 78 ms).\n'
RUN printf '/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj]\n' && exit 1
