// The API's own rooms that most files use: reads and list SQL, the write pipeline, validation rules, the HTTP
// plumbing and its writes, and ASP.NET Core MVC. A file names every other namespace it uses.
global using Api.Data;
global using Api.Data.Lists;
global using Api.Http;
global using Api.Records;
global using Api.Validation;
global using Api.Writes;
global using Microsoft.AspNetCore.Mvc;
