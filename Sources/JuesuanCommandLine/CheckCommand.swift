import Foundation
import JuesuanModel
import JuesuanRules

enum CheckCommand {
  static func run(_ arguments: [String]) -> Int32 { 0 }
}
