# Multi-stage build of the web app: the same restore and publish as the README, then a small non-root runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CoverageCompare.Web/CoverageCompare.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Default="Data Source=/app/data/coverage.db"
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "CoverageCompare.Web.dll"]
