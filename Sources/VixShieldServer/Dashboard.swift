import Foundation
import Mustache

/// The dashboard's pages: swift-mustache templates (`Resources/templates`) rendered on the
/// server into one self-contained page each (inline CSS and SVG, no scripts, no network),
/// readable on a phone's width and in dark mode. Variables are HTML-escaped by Mustache; only
/// the SVG charts and the page body, which the server builds, go in unescaped.
public struct Dashboard: Sendable {
    let library: MustacheLibrary
    static let pages = ["layout", "today", "book", "journal", "backtests", "login"]

    public init() throws {
        var library = MustacheLibrary()
        for name in Self.pages {
            let url =
                Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Resources/templates")
                ?? Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "templates")
            guard let url else { throw Problem(.internalError, detail: "the dashboard template '\(name)' is missing from the build") }
            try library.register(String(contentsOf: url, encoding: .utf8), named: name)
        }
        self.library = library
    }

    /// `page` rendered with `values`, inside the layout.
    func render(_ page: String, title: String, nav: String, values: [String: Any], refreshSeconds: Int? = nil, disclaimer: String) -> String {
        let body = library.render(values, withTemplate: page) ?? ""
        var layout: [String: Any] = ["title": title, "body": body, "nav": [nav: true], "disclaimer": disclaimer]
        if let refreshSeconds { layout["refresh"] = String(refreshSeconds) }
        return library.render(layout, withTemplate: "layout") ?? ""
    }
}
